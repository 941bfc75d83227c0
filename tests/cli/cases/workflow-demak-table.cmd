workflow --profile demak-2022 --format table
