import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { packageRoot } from '../config/package-root.js';
import type { TkesimConfig } from '../config/tkesim-config.js';
import { AccountsService } from '../tenancy/accounts.service.js';
import { AccountResolver } from './account.resolver.js';
import { ClockResolver } from './clock.resolver.js';
import { EventsResolver } from './events.resolver.js';
import { GraphiqlController } from './graphiql.controller.js';
import { DomainErrorFilter } from './domain-error.filter.js';
import { formatGraphqlError } from './graphql-errors.js';
import { buildContext } from './graphql-context.js';
import { InputPathInterceptor } from './input-path.interceptor.js';
import { queryLimitsRule } from './query-limits.js';
import { subscriptionOptions } from './subscription-options.js';
import { DateTimeScalar, JSONScalar } from './scalars.js';

/** GraphqlApiModule serves schema.graphql at /graphql over HTTP and graphql-ws, and GraphiQL at /graphiql. */
@Module({})
export class GraphqlApiModule {
  static forRoot(config: TkesimConfig): DynamicModule {
    const limits = queryLimitsRule(config.limits.maxDepth, config.limits.maxCost);
    const graphql = GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [AccountsService],
      useFactory: (accounts: AccountsService) => ({
        typePaths: [join(packageRoot(), 'schema.graphql')],
        graphiql: false,
        introspection: true,
        validationRules: [limits],
        context: (arg: unknown) => buildContext(arg, (token) => accounts.authenticate(token)),
        formatError: formatGraphqlError,
        resolvers: { DateTime: DateTimeScalar, JSON: JSONScalar, ClockMode: { REALTIME: 'realtime', MANUAL: 'manual' } },
        subscriptions: { 'graphql-ws': subscriptionOptions(limits) },
      }),
    });
    return {
      module: GraphqlApiModule,
      imports: [graphql],
      controllers: [GraphiqlController],
      providers: [EventsResolver, ClockResolver, AccountResolver, { provide: APP_INTERCEPTOR, useClass: InputPathInterceptor },
        { provide: APP_FILTER, useClass: DomainErrorFilter },],
    };
  }
}
