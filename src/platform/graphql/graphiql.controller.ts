import { join } from 'node:path';
import { Controller, Get, Header, NotFoundException, Param, Redirect, Res } from '@nestjs/common';
import type { Response } from 'express';
import { packageRoot } from '../config/package-root.js';
import { GRAPHIQL_ASSETS, graphiqlPage } from './graphiql.page.js';

/** GraphiqlController serves GraphiQL at /graphiql, offline. */
@Controller()
export class GraphiqlController {
  private readonly page = graphiqlPage();

  @Get()
  @Redirect('/graphiql', 302)
  root(): void {}

  @Get('graphiql')
  @Header('Content-Type', 'text/html; charset=utf-8')
  graphiql(): string {
    return this.page;
  }

  @Get('graphiql/assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const path = GRAPHIQL_ASSETS[file];
    if (!path) throw new NotFoundException(`asset "${file}" not found`);
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(join(packageRoot(), 'node_modules', path));
  }
}
