profiles --profiles ../profiles/missing
