eligibility --profiles ../profiles --profile teladan-2025 --post post-teladan-sekda.json --candidate sari-no-mpp.json --as-of 2025-05-02 --appointment 2025-07-01
