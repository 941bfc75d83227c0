eligibility --profiles ../profiles --profile demak-2022 --post post.json --candidate budi.json --as-of 2023-03-15
