weights --profile demak-2022 --weights weights-min.json
