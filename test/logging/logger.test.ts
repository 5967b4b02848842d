import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../main/logging/logger';
import { Redactor } from '../../main/logging/redactor';
import { tempDir } from '../support/temp';

describe('file logger', () => {
  it('writes redacted JSON lines', () => {
    const dir = tempDir();
    const redactor = new Redactor();
    redactor.addSecret('s3cret-value-0123456789');
    const logger = createFileLogger(dir.path, redactor);
    logger.log('info', 'saved', { key: 's3cret-value-0123456789' });
    const line = JSON.parse(readFileSync(join(dir.path, 'logs', 'main.log'), 'utf8').trim());
    expect(line).toMatchObject({ level: 'info', message: 'saved' });
    expect(JSON.stringify(line)).not.toContain('s3cret-value-0123456789');
    dir.remove();
  });

  it('never throws: a deleted log folder is made again; a log path that cannot be a file loses the line only', () => {
    const dir = tempDir();
    const logger = createFileLogger(dir.path, new Redactor());
    rmSync(join(dir.path, 'logs'), { recursive: true, force: true });
    expect(() => logger.log('info', 'after the folder went away')).not.toThrow();
    expect(readFileSync(logger.file, 'utf8')).toContain('after the folder went away');
    // A plain file where the logs folder should be: nothing can be written, and nothing throws.
    rmSync(join(dir.path, 'logs'), { recursive: true, force: true });
    writeFileSync(join(dir.path, 'logs'), 'not a folder');
    expect(() => logger.log('error', 'nowhere to write')).not.toThrow();
    dir.remove();
  });
});
