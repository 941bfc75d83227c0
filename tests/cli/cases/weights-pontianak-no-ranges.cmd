weights --profile pontianak-2015 --weights weights-adjusted.json
