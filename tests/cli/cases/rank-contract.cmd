rank --profile demak-2022 --scores rank-contract.json
