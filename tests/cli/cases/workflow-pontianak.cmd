workflow --profile pontianak-2015
