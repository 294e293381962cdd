import { http } from '@google-cloud/functions-framework';
import { bootFunction } from '../../shared/http/boot';
import { createConfigApp } from './app';

http('config', await bootFunction('config', createConfigApp));
