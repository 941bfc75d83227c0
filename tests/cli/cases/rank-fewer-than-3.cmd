rank --profile demak-2022 --scores rank-two.json
