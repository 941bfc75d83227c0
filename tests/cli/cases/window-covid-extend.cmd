window --profile demak-2022-covid --published 2023-03-01 --closing 2023-03-07 --qualified 2 --extensions 0
