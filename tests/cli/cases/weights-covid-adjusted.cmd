weights --profile pekalongan-2022-covid --weights weights-adjusted.json
