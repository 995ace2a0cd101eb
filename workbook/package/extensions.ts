/** Worksheet and workbook extensions, in the officer's words. */
const EXT_WORDS: Record<string, string> = {
  '{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}': 'data validations that refer to other sheets (x14)',
  '{78C0D931-6437-407d-A8EE-F0AAD7539E65}': 'data bar and icon set conditional formats (x14)',
  '{05C60535-1F16-4fd2-B633-F4F36F0B64E0}': 'sparklines',
  '{A8765BA9-456A-4dab-B4F3-ACF838C121DE}': 'slicers (list)',
  '{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}': 'slicers (list)',
  '{7E03D99C-DC04-49d9-9315-930204A7B6E9}': 'timelines',
  '{BBE1A952-AA13-448e-AADC-164F8A28A991}': 'slicer caches',
  '{46BE6895-7355-4a93-B00E-2C351335B9C9}': 'slicer caches',
  '{D0CA8CA8-9F24-4464-BF8E-62219DCF47F9}': 'timeline caches',
  '{140A7094-0E35-4892-8432-C4D2E57EDEB5}': 'workbook settings (x15)',
  '{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}': 'data model',
  '{FCE2AD5D-F65C-4FA6-A056-5C36A1767C68}': 'data model',
  '{01252117-D84E-4E92-8308-4BE1C098FCBB}': 'web extensions',
  '{F7C9EE02-42E1-4005-9D12-6889AFFD525C}': 'web extensions',
  '{231B7EB2-2AFC-4442-B178-5FFDF5851E7C}': 'named sheet views',
};

export const extWords = (uri: string): string => EXT_WORDS[uri] ?? `extension ${uri}`;
