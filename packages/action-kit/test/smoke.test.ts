import { describe, expect, it } from '@jest/globals';
import * as core from '@actions/core';
describe('esm', () => { it('loads', () => { expect(typeof core.setFailed).toBe('function'); }); });
