"""The encrypted vault: keys, encrypted files, the SQLCipher database and its custody log."""
