import { http } from '@google-cloud/functions-framework';
import { bootFunction } from '../../shared/http/boot';
import { createSessionApp } from './app';

http('session', await bootFunction('session', createSessionApp));
