committee --profiles ../profiles --profile teladan-2025 --post post-teladan-sekda.json --committee committee-valid.json
