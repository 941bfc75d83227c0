profiles --profiles ../profiles/warn --format table
