eligibility --profiles ../profiles --profile teladan-2025 --post post.json --candidate budi.json --as-of 2025-05-02 --appointment 2025-07-01 --format table
