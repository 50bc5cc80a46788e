-- Rejected: a misspelt keyword.



SELEC 1;
