// The name an issued permit's PDF is saved under: its decision number, slashes turned into
// hyphens, so every phone and file system keeps it as one name. Pure module.

export const permitPdfFileName = (permitNumber: string): string =>
  `SK-${permitNumber.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`;
