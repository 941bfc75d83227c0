eligibility --profile pekalongan-2022-covid --post post.json --candidate budi.json --as-of 2024-03-15 --format table
