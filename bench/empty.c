/* empty.c - an empty C main: the cost of starting a process at all */
int
main(void)
{
	return 0;
}
