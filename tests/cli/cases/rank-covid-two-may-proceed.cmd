rank --profile demak-2022-covid --scores rank-two.json
