eligibility --profile nowhere-2099 --post post.json --candidate budi.json
