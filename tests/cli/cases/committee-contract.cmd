committee --profile demak-2022 --post post.json --committee committee-contract.json
