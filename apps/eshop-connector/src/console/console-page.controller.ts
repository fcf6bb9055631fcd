import { Controller, Get, Header, OnModuleInit } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Serves the operations console: one static page, a script and a style sheet, built with the app
 * (`npm run build` copies `assets/`) and served from memory — no CDN, nothing fetched at run time.
 * The page holds no data and needs no key: everything it shows comes from the operator-key
 * protected `/v1/operations/*`, `/v1/dead-letters` and `/v1/operator-audit`, with the key the
 * operator types into the page (kept in sessionStorage, sent as a Bearer header, never in a URL).
 * The policy headers allow only the page's own files: no inline script, no other origin, no framing.
 */
const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

@ApiExcludeController()
@Controller('console')
export class ConsolePageController implements OnModuleInit {
  private files = { html: '', script: '', style: '' };

  async onModuleInit(): Promise<void> {
    const read = (name: string) => readFile(join(__dirname, 'assets', name), 'utf8');
    const [html, script, style] = await Promise.all([read('console.html'), read('console.js'), read('console.css')]);
    this.files = { html, script, style };
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', PAGE_HEADERS['Content-Security-Policy'])
  @Header('Referrer-Policy', PAGE_HEADERS['Referrer-Policy'])
  @Header('X-Content-Type-Options', PAGE_HEADERS['X-Content-Type-Options'])
  @Header('Cache-Control', PAGE_HEADERS['Cache-Control'])
  page(): string {
    return this.files.html;
  }

  @Get('console.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('X-Content-Type-Options', PAGE_HEADERS['X-Content-Type-Options'])
  @Header('Cache-Control', PAGE_HEADERS['Cache-Control'])
  script(): string {
    return this.files.script;
  }

  @Get('console.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('X-Content-Type-Options', PAGE_HEADERS['X-Content-Type-Options'])
  @Header('Cache-Control', PAGE_HEADERS['Cache-Control'])
  style(): string {
    return this.files.style;
  }
}
