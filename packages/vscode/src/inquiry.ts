/**
 * Where a reply's inquiry lives on disk: @replylint/node's pure path helpers
 * (no `vscode` import, no dependency), the same ones the CLI and the language
 * server use, so the client never disagrees with them about which file is an
 * inquiry.
 */
export { inquiryFileCandidates, isInquiryFile } from '@replylint/node/paths';
