eligibility --profile demak-2022 --candidate budi.json
