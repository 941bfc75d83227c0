weights --profile demak-2022 --weights weights-max.json
