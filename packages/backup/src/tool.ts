/**
 * The name and version recorded in manifests, archive preludes and verification records. Kept in
 * source (not read from package.json at run time) so bundles carry it; a test checks it matches the
 * root package.json, and the release script updates both.
 */
export const TOOL = { name: 'mongo-shipkit', version: '0.1.0' };
