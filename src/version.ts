// The package version; build.mjs fails when it differs from package.json's.
export const version = '0.1.0';
