import { http } from '@google-cloud/functions-framework';
import { bootFunction } from '../../shared/http/boot';
import { createAuthApp } from './app';

http('auth', await bootFunction('auth', createAuthApp));
