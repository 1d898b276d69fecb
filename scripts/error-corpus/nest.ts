import 'reflect-metadata';
import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  ForbiddenException,
  Get,
  HttpException,
  HttpStatus,
  Module,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  ServiceUnavailableException,
  UnauthorizedException,
  ValidationPipe,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsEmail, IsString } from 'class-validator';
import { type CaptureServer, expect } from './corpus-case.js';

const S = '@nestjs/core@12 (platform-express)';

/** A body DTO; its decorators are applied by hand, as this script runs without decorator syntax. */
class CreateUser {
  name!: string;
  email!: string;
}
IsString()(CreateUser.prototype, 'name');
IsEmail()(CreateUser.prototype, 'email');

/** The routes, each raising one of Nest's built-in exceptions. */
class ErrorsController {
  notFound(): never {
    throw new NotFoundException('User 42 not found');
  }
  notFoundBare(): never {
    throw new NotFoundException();
  }
  badRequest(): never {
    throw new BadRequestException();
  }
  unauthorized(): never {
    throw new UnauthorizedException();
  }
  forbidden(): never {
    throw new ForbiddenException('Admins only');
  }
  conflict(): never {
    throw new ConflictException('Email already registered');
  }
  unavailable(): never {
    throw new ServiceUnavailableException();
  }
  tooMany(): never {
    throw new HttpException('Too many requests', HttpStatus.TOO_MANY_REQUESTS);
  }
  custom(): never {
    throw new HttpException(
      { code: 'QUOTA_EXCEEDED', message: 'Monthly quota used up' },
      HttpStatus.PAYMENT_REQUIRED,
    );
  }
  thrown(): never {
    throw new Error('Database connection lost');
  }
  item(id: number): { id: number } {
    return { id };
  }
  create(body: CreateUser): CreateUser {
    return body;
  }
}

const routes: readonly [string, 'get' | 'post', string][] = [
  ['notFound', 'get', 'not-found'],
  ['notFoundBare', 'get', 'not-found-bare'],
  ['badRequest', 'get', 'bad-request'],
  ['unauthorized', 'get', 'unauthorized'],
  ['forbidden', 'get', 'forbidden'],
  ['conflict', 'get', 'conflict'],
  ['unavailable', 'get', 'unavailable'],
  ['tooMany', 'get', 'too-many'],
  ['custom', 'get', 'custom'],
  ['thrown', 'get', 'thrown'],
  ['item', 'get', 'items/:id'],
  ['create', 'post', 'users'],
];
const proto = ErrorsController.prototype as unknown as Record<string, unknown>;
for (const [method, verb, path] of routes) {
  const descriptor = Object.getOwnPropertyDescriptor(proto, method) as PropertyDescriptor;
  (verb === 'get' ? Get(path) : Post(path))(proto, method, descriptor);
}
Param('id', ParseIntPipe)(proto, 'item', 0);
Reflect.defineMetadata('design:paramtypes', [CreateUser], proto, 'create');
Body(new ValidationPipe())(proto, 'create', 0);
Controller()(ErrorsController);

class AppModule {}
Module({ controllers: [ErrorsController] })(AppModule);

/**
 * NestJS 12 on Express: the default 404, the built-in HTTP exceptions, a custom exception body,
 * ParseIntPipe and ValidationPipe with class-validator, and an unhandled error.
 *
 * @example
 * ```ts
 * const { url, close } = await nestServer.start();
 * ```
 */
export const nestServer: CaptureServer = {
  library: 'nest',
  start: async () => {
    const app = await NestFactory.create(AppModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    return { url: (await app.getUrl()).replace('[::1]', '127.0.0.1'), close: () => app.close() };
  },
  cases: [
    {
      id: 'nest-route-not-found',
      source: `${S} default 404`,
      path: '/nope',
      expected: expect(404, null, 'Cannot GET /nope'),
    },
    {
      id: 'nest-not-found-exception',
      source: `${S} NotFoundException(message)`,
      path: '/not-found',
      expected: expect(404, null, 'User 42 not found'),
    },
    {
      id: 'nest-not-found-exception-bare',
      source: `${S} NotFoundException()`,
      path: '/not-found-bare',
      expected: expect(404, null, 'Not Found'),
    },
    {
      id: 'nest-bad-request-exception',
      source: `${S} BadRequestException()`,
      path: '/bad-request',
      expected: expect(400, null, 'Bad Request'),
    },
    {
      id: 'nest-unauthorized-exception',
      source: `${S} UnauthorizedException()`,
      path: '/unauthorized',
      expected: expect(401, null, 'Unauthorized'),
    },
    {
      id: 'nest-forbidden-exception',
      source: `${S} ForbiddenException(message)`,
      path: '/forbidden',
      expected: expect(403, null, 'Admins only'),
    },
    {
      id: 'nest-conflict-exception',
      source: `${S} ConflictException(message)`,
      path: '/conflict',
      expected: expect(409, null, 'Email already registered'),
    },
    {
      id: 'nest-service-unavailable-exception',
      source: `${S} ServiceUnavailableException()`,
      path: '/unavailable',
      expected: expect(503, null, 'Service Unavailable'),
    },
    {
      id: 'nest-http-exception-429',
      source: `${S} HttpException(message, 429)`,
      path: '/too-many',
      expected: expect(429, null, 'Too many requests'),
    },
    {
      id: 'nest-http-exception-custom-body',
      source: `${S} HttpException({ code, message }, 402)`,
      path: '/custom',
      expected: expect(402, 'QUOTA_EXCEEDED', 'Monthly quota used up'),
    },
    {
      id: 'nest-unhandled-error',
      source: `${S} unhandled Error`,
      path: '/thrown',
      expected: expect(500, null, 'Internal server error'),
    },
    {
      id: 'nest-parse-int-pipe',
      source: `${S} ParseIntPipe`,
      path: '/items/abc',
      expected: expect(400, null, 'Validation failed (numeric string is expected)'),
    },
    {
      id: 'nest-validation-pipe',
      source: `${S} ValidationPipe with class-validator@0.15`,
      method: 'POST',
      path: '/users',
      headers: { 'content-type': 'application/json' },
      body: '{"name":1,"email":"nope"}',
      expected: expect(400, null, 'name must be a string; email must be an email'),
    },
    {
      id: 'nest-invalid-json',
      source: `${S} body-parser, invalid JSON`,
      method: 'POST',
      path: '/users',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
      expected: (response) => expect(400, null, JSON.parse(response.body).message),
    },
  ],
};
