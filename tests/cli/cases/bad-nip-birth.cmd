eligibility --profile demak-2022 --post post.json --as-of 2023-03-15 --appointment 2023-06-01 --candidate bad-nip.json
