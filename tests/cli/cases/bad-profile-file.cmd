eligibility --profile profile-broken.json --post post.json --candidate budi.json
