/* SPDX-License-Identifier: EUPL-1.2 */
/* airejse: from a clinical need to a procured, validated AI product. */
#include "airejse/cli.h"

int
main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
