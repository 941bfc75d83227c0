window --profile demak-2022 --published 2023-03-01 --closing 2023-03-29 --applicants 3 --extensions 2
