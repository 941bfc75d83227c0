window --profile demak-2022 --published 2027-03-01 --closing 2027-03-15
