workflow --profile nowhere-1999
