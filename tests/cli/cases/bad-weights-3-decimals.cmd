weights --profile demak-2022 --weights weights-3dec.json
