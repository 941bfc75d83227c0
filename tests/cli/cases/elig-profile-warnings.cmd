eligibility --profile ../profiles/warn/dead-2025.json --post post.json --candidate budi.json --as-of 2025-05-02
