eligibility --help
