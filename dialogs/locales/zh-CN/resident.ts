/** Messages of the resident-facing desk (dialogs/resident). */
export const residentZhCN = {};
