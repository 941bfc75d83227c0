profiles --profiles ../profiles
