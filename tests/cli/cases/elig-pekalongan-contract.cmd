eligibility --profile pekalongan-2022 --post post.json --candidate budi.json --as-of 2023-03-15 --appointment 2023-06-01
