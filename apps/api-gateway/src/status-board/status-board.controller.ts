import { Controller, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Endpoint } from '../routes/endpoint.decorator';
import { gatewayRoutes } from '../routes/route-table';
import { StatusBoardService } from './status-board.service';

/**
 * `GET /health` as the status board (200 while the gateway can serve, 503 when it cannot) and
 * `GET /health/sync`. Registered by AppModule itself, so it answers `/health` before the plain
 * liveness handler of libs/telemetry.
 */
@Controller()
export class StatusBoardController {
  constructor(private readonly board: StatusBoardService) {}

  @Endpoint(gatewayRoutes.board)
  @Header('Cache-Control', 'no-store')
  async health(@Res({ passthrough: true }) response: Response) {
    const board = await this.board.board();
    if (board.status === 'down') response.status(503);
    return board;
  }

  @Endpoint(gatewayRoutes.sync)
  @Header('Cache-Control', 'no-store')
  sync() {
    return this.board.sync();
  }
}
