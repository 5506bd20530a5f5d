import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { catchError, type Observable } from 'rxjs';
import { DomainError, isDomainError } from '../kernel/domain-error.js';

/** InputPathInterceptor prefixes a rejected field with the `input` argument it came in, e.g. `input.vpcCidr`. */
@Injectable()
export class InputPathInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const args = GqlExecutionContext.create(context).getArgs<Record<string, unknown>>();
    if (!args || !('input' in args)) return next.handle();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (isDomainError(error) && error.field && !error.field.startsWith('input.')) {
          throw new DomainError(error.code, error.message, `input.${error.field}`, error.details);
        }
        throw error;
      }),
    );
  }
}
