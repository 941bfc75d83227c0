profiles --format table
