eligibility --profile demak-2022 --post post-admin.json --candidate budi.json --as-of 2023-03-15
