window --profile demak-2022-covid --published 2023-08-01 --closing 2023-08-07
